//! Core cmdlets (Microsoft.PowerShell.Core / Utility / Management equivalents): one
//! module per command, named after its manifest in `cmdlets/core/`.

pub mod util;
pub mod add_content;
pub mod clear_host;
pub mod compare_object;
pub mod for_each_object;
pub mod get_alias;
pub mod get_content;
pub mod get_date;
pub mod get_variable;
pub mod group_object;
pub mod invoke_expression;
pub mod join_path;
pub mod measure_object;
pub mod new_object;
pub mod out_file;
pub mod out_null;
pub mod read_host;
pub mod remove_variable;
pub mod select_object;
pub mod set_content;
pub mod set_variable;
pub mod sort_object;
pub mod start_sleep;
pub mod start_transcript;
pub mod stop_transcript;
pub mod tee_object;
pub mod test_path;
pub mod where_object;
pub mod write_error;
pub mod write_host;
pub mod write_output;
pub mod write_progress;
pub mod write_verbose;
pub mod write_warning;
