# Error: a parse error stops the whole script before anything runs
'this line never runs'
function Broken {
    'missing the closing brace'
# CHECKERR: Missing closing '}' in statement block or type definition.
# EXIT: 1
