//! `husk compose` (issue 17): multi-container applications from a
//! compose file, driven through husk's own library.
//!
//! Built so far: [`interpolate`], the Compose Specification's variable
//! interpolation, for the values of a loaded file. Still to come: the file
//! model and its loading (YAML, `-f` merges, `extends`, `include`, `.env`),
//! the project (names, networks, volumes) and the commands.

pub mod interpolate;
