//! The Docker Engine API on a unix socket (issue 18, begun): `husk system
//! service`. A thin face of the library, as the CLI is: `http.rs` reads
//! requests and writes responses, `server.rs` listens (a private socket, or
//! systemd's) and ends when idle or signalled, `routes.rs` checks the API
//! version and dispatches, `system.rs` answers from the store.
//!
//! Built so far: `/_ping`, `/version`, `/info`, `/containers/json`,
//! `/images/json`; `containers.rs`: create, start, stop, kill, inspect and
//! delete of a container; `attach.rs`: attach (hijacked), wait with its
//! conditions, resize, and the start of a container clients wait on;
//! `exec.rs`: exec instances (a forked relay each); `logs.rs`: logs.

pub mod archive;
pub mod attach;
pub mod build;
pub mod containers;
pub mod exec;
pub mod http;
pub mod images;
pub mod logs;
pub mod resources;
pub mod routes;
pub mod server;
pub mod system;
