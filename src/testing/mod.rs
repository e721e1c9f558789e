//! The regression runner behind `exsh test` (Pester-style).
