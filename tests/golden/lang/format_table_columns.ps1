# Default table formatting of several objects: column width is the widest of header and values,
# numbers are right-aligned, strings left-aligned
$rows = @(
    [pscustomobject]@{ Name = 'web01'; Port = 80; Role = 'frontend' }
    [pscustomobject]@{ Name = 'db'; Port = 5432; Role = 'sql' }
)
$rows
# CHECK:
# CHECK: Name  Port Role
# CHECK: ----  ---- ----
# CHECK: web01   80 frontend
# CHECK: db    5432 sql
# CHECK:
