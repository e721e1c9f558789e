//! Parser fixtures: valid and invalid inputs, incomplete detection, span invariants.

use super::*;
use crate::lang::ast::*;

fn ok(src: &str) -> ScriptBlockAst {
    match parse_script(src) {
        Ok(a) => a,
        Err(e) => panic!("{:?} should parse: {:?}", src, e),
    }
}

fn err(src: &str) -> ParseError {
    match parse_script(src) {
        Ok(a) => panic!("{:?} should not parse: {:?}", src, a),
        Err(e) => e,
    }
}

fn stmts(a: &ScriptBlockAst) -> &[Statement] {
    &a.end.as_ref().expect("end block").statements
}

#[test]
fn valid_inputs_parse() {
    for src in [
        "1 + 2",
        "$a = 1,2,3",
        "Get-Item -Path x -Force:$false foo",
        "if ($a -eq 1) { 'one' } elseif ($a) { 2 } else { 3 }",
        "foreach ($x in 1..3) { $x }",
        "for ($i = 0; $i -lt 3; $i++) { $i }",
        "while ($true) { break }",
        "do { $i++ } until ($i -gt 3)",
        "switch -regex ($x) { '^a' { 1 } default { 2 } }",
        "function f { param([Parameter(Mandatory)][string]$Name, [int]$N = 2) \"$Name\" }",
        "function g($a, $b) { $a + $b }",
        "try { throw 'x' } catch [System.Exception] { $_ } finally { 'f' }",
        "trap { continue }; 1",
        "$h = @{ a = 1; b = 'x'\n c = Get-Date }",
        "[ordered]@{a=1}",
        "[int]::MaxValue",
        "$s.Substring(0, $s.IndexOf(' '))",
        "1..10 | Where-Object { $_ -gt 5 } | ForEach-Object { $_ * 2 }",
        "Get-X | ? State -eq Online",
        "& { param($x) $x } 5",
        ". $sb",
        "cluster group \"EVS1\" /move:NODE2",
        "setup.com /m:upgrade",
        "$x = if ($a) { 1 } else { 2 }",
        "@'\nliteral $x\n'@",
        "@\"\nexpand $x\n\"@",
        "\"a $($b + 1) c\"",
        "$a[0..-2]",
        "-not 1 -eq 2",
        "Write-Output -5",
        "$env:COMPUTERNAME",
        "${my var} = 3",
        ":outer foreach ($a in 1..2) { break outer }",
        "Get-Item x 2>&1 > $null",
        "$a, $b = 1, 2",
        "$x++; --$x",
        "[string[]]$names = 'a','b'",
        "Get-Foo `\n -Bar 1",
        "1,\n2",
        "Get-A |\n Get-B",
        "filter Double { $_ * 2 }",
        "function h { begin { 1 } process { $_ } end { 3 } }",
        "exit 3",
        "return",
        "$a.b.c = 5",
        "$h['k'] += 1",
        "\"{0,5}\" -f 3 + 'x'",
    ] {
        ok(src);
    }
}

#[test]
fn a_parameter_declared_twice_is_a_parse_error() {
    // about_Functions: parameter names are case-insensitive; PowerShell reports
    // ParserStrings.DuplicateFormalParameter.
    for src in [
        "function f($a, $A) { }",
        "function f { param([int]$n, $n) }",
    ] {
        let e = err(src);
        assert!(!e.incomplete, "{src}");
        assert!(
            e.message.starts_with("Duplicate parameter $")
                && e.message.ends_with(" in parameter list."),
            "{src}: {}",
            e.message
        );
    }
}

#[test]
fn invalid_inputs_fail_with_messages() {
    let e = err("if ($a) { 1 ");
    assert!(e.incomplete);
    assert_eq!(
        e.message,
        "Missing closing '}' in statement block or type definition."
    );
    let e = err("1 +");
    assert!(e.incomplete);
    assert_eq!(
        e.message,
        "You must provide a value expression following the '+' operator."
    );
    let e = err("'abc");
    assert!(e.incomplete);
    let e = err("\"abc");
    assert!(e.incomplete);
    let e = err("1 }");
    assert!(!e.incomplete);
    assert_eq!(
        e.message,
        "Unexpected token '}' in expression or statement."
    );
    let e = err("(1");
    assert!(e.incomplete);
    let e = err("try { 1 } 2");
    assert!(!e.incomplete);
    assert_eq!(
        e.message,
        "The Try statement is missing its Catch or Finally block."
    );
    let e = err("1 = 2");
    assert!(e
        .message
        .starts_with("The assignment expression is not valid."));
    let e = err("Get-A |");
    assert!(e.incomplete);
    let e = err("$a.Foo(1,");
    assert!(e.incomplete);
}

#[test]
fn precedence_follows_powershell() {
    // -not binds tighter than -eq: (-not 1) -eq 2
    let a = ok("-not 1 -eq 2");
    let StmtKind::Pipeline(p) = &stmts(&a)[0].kind else {
        panic!()
    };
    let PipelineElement::Expr { expr, .. } = &p.elements[0] else {
        panic!()
    };
    let ExprKind::Binary { op, lhs, .. } = &expr.kind else {
        panic!("{:?}", expr)
    };
    assert!(matches!(op, BinOp::Cmp(CmpOp::Eq, _)));
    assert!(matches!(lhs.kind, ExprKind::Unary { op: UnOp::Not, .. }));
    // -f binds tighter than +
    let a = ok("'{0}' -f 1 + 1");
    let StmtKind::Pipeline(p) = &stmts(&a)[0].kind else {
        panic!()
    };
    let PipelineElement::Expr { expr, .. } = &p.elements[0] else {
        panic!()
    };
    assert!(matches!(expr.kind, ExprKind::Binary { op: BinOp::Add, .. }));
    // comma binds tighter than +
    let a = ok("1,2 + 3");
    let StmtKind::Pipeline(p) = &stmts(&a)[0].kind else {
        panic!()
    };
    let PipelineElement::Expr { expr, .. } = &p.elements[0] else {
        panic!()
    };
    assert!(matches!(expr.kind, ExprKind::Binary { op: BinOp::Add, .. }));
}

#[test]
fn spans_lie_within_source() {
    let src = "foreach ($x in 1..3) {\n  if ($x -gt 1) { Write-Output \"n=$x\" }\n}\n";
    let a = ok(src);
    for st in stmts(&a) {
        assert!(st.span.end as usize <= src.len());
        assert!(st.span.start <= st.span.end);
    }
}

#[test]
fn command_mode_barewords_and_numbers() {
    let a = ok("Write-Output 10 10.0.0.1 abc -Name:x");
    let StmtKind::Pipeline(p) = &stmts(&a)[0].kind else {
        panic!()
    };
    let PipelineElement::Command(c) = &p.elements[0] else {
        panic!()
    };
    assert_eq!(c.elements.len(), 4);
    assert!(matches!(
        c.elements[0],
        CommandElement::Argument(Expr {
            kind: ExprKind::Const(ConstValue::Int(10)),
            ..
        })
    ));
    assert!(
        matches!(&c.elements[1], CommandElement::Argument(Expr { kind: ExprKind::Const(ConstValue::Bare(s)), .. }) if &**s == "10.0.0.1")
    );
    assert!(
        matches!(&c.elements[3], CommandElement::Parameter { name, arg: Some(_), .. } if &**name == "Name")
    );
}
