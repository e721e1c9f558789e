//! Objects to text: tables, lists, JSON, CSV, `-f` composite formatting, number and date
//! formatting, error rendering, and the default views declared under `cmdlets/views/`.

pub mod composite;
pub mod csv;
pub mod datetime;
pub mod display;
pub mod errors;
pub mod json;
pub mod number;
pub mod views;
