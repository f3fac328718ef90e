//! husk: a rootless, daemonless container tool. See docs/ARCHITECTURE.md.

pub mod cli;
pub mod config;
pub mod digest;
pub mod error;
pub mod image;
pub mod layer;
pub mod output;
pub mod progress;
pub mod registry;
pub mod store;
pub mod userns;
