//! Installers run on the console's node: Exchange setup.com.

pub mod setup_com;
