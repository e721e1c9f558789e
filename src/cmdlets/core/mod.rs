//! Core cmdlets (Microsoft.PowerShell.Core / Utility / Management equivalents).
