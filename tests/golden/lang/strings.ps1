# Strings: single-quoted literals, doubled quotes, and backtick escapes in double-quoted strings
'plain text'
# CHECK: plain text
'It''s here'
# CHECK: It's here
'no $expansion here'
# CHECK: no $expansion here
'back`tick stays'
# CHECK: back`tick stays
"say ""hi"""
# CHECK: say "hi"
"tab`tsep".Length
# CHECK: 7
"a`nb"
# CHECK: a
# CHECK: b
"cost: `$5"
# CHECK: cost: $5
"quote: `"q`""
# CHECK: quote: "q"
"backtick: ``"
# CHECK: backtick: `
"`0".Length
# CHECK: 1
"`r`n".Length
# CHECK: 2
[int][char]"`t"
# CHECK: 9
[int][char]"`n"
# CHECK: 10
[int][char]"`r"
# CHECK: 13
[int][char]"`0"
# CHECK: 0
''.Length
# CHECK: 0
""
# CHECK:
'end'
# CHECK: end
