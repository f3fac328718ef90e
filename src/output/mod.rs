//! Presenting results: aligned tables, Go-style `--format` templates, human sizes and times.

pub mod human;
pub mod table;
pub mod template;
