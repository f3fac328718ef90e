//! `husk compose` (issue 17): multi-container applications from a
//! compose file, driven through husk's own library.
//!
//! Built so far: [`interpolate`], the Compose Specification's variable
//! interpolation, for the values of a loaded file (not `build::expand`:
//! BuildKit's lexer also handles quotes and escapes, which compose values do
//! not have), and [`env_file`], the `.env` / `env_file` syntax. Still to come:
//! the file model and its loading (YAML, `-f` merges, `extends`, `include`),
//! the project (names, networks, volumes) and the commands.

pub mod canonical;
pub mod emit;
pub mod env_file;
pub mod extends;
pub mod graph;
pub mod interpolate;
pub mod load;
pub mod merge;
pub mod yaml;
