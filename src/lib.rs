//! husk: a rootless, daemonless container tool. See docs/ARCHITECTURE.md.

pub mod build;
pub mod cli;
pub mod compose;
pub mod config;
pub mod container;
pub mod digest;
pub mod error;
pub mod events;
pub mod fsat;
pub mod image;
pub mod layer;
pub mod monitor;
pub mod network;
pub mod output;
pub mod overlay;
pub mod proctitle;
pub mod progress;
pub mod registry;
pub mod runtime;
pub mod secret;
pub mod store;
pub mod system;
pub mod systemd;
pub mod timeline;
pub mod userns;
pub mod volume;
