//! The Docker Engine API on a unix socket (issue 18): `husk system
//! service`. A thin face of the library, as the CLI is: `http.rs` reads
//! requests and writes responses, `server.rs` listens (a private socket, or
//! systemd's) and ends when idle or signalled, `routes.rs` checks the API
//! version and dispatches, `system.rs` answers from the store.
//!
//! The endpoints, by what they serve: `system.rs` (ping, version, info,
//! lists, df, auth, events), `containers.rs` (create and the lifecycle,
//! inspect, top, stats…), `attach.rs` (attach, wait, resize, and the start of
//! a container clients wait on), `exec.rs`, `logs.rs`, `archive.rs` (cp),
//! `images.rs`, `build.rs`, `resources.rs` (networks, volumes).

pub mod archive;
pub mod attach;
pub mod build;
pub mod containers;
pub mod create;
pub mod exec;
pub mod http;
pub mod images;
pub mod logs;
pub mod resources;
pub mod routes;
pub mod server;
pub mod system;
