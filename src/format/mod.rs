//! Objects to text: tables, lists, JSON, CSV, `-f` composite formatting, number and date
//! formatting, and the default views declared under `cmdlets/views/`.

pub mod datetime;
