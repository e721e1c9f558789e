//! `$PROFILE`: `<config dir>/exsh/profile.ps1`, run at start unless -NoProfile.

use crate::engine::interp::Interp;

pub fn profile_path() -> Option<std::path::PathBuf> {
    dirs::config_dir().map(|d| d.join("exsh").join("profile.ps1"))
}

pub fn run_profile(interp: &mut Interp) {
    if let Some(p) = profile_path() {
        if let Ok(text) = std::fs::read_to_string(&p) {
            let name = p.display().to_string();
            crate::host::session::run_source(interp, &name, &text, false, &[]);
        }
    }
}
