//! `husk compose` (issue 17): multi-container applications from a
//! compose file, driven through husk's own library.
//!
//! A project is loaded ([`load`]) from its files: each read as a tree of
//! nodes that keep their file and line ([`crate::yaml`]), interpolated
//! ([`interpolate`], with [`env_file`]'s `.env`), its `include`s and `extends` resolved
//! ([`extends`]), the files merged ([`merge`]); then put in the canonical
//! form docker compose reads it as ([`canonical`]), which `compose config`
//! prints ([`crate::yaml::emit`]) and the commands run in dependency order ([`graph`]),
//! each service's containers made with the run options [`service`] gives
//! ([`project`]: up, down, and the project's containers by their labels).

pub mod attach;
pub mod build;
pub mod canonical;
pub mod control;
pub mod env_file;
pub mod extends;
pub mod graph;
pub mod interpolate;
pub mod load;
pub mod merge;
pub mod project;
pub mod service;
