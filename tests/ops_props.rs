//! Property tests for operator conversions: arithmetic widening, left-operand comparison
//! rules, number parsing and double formatting round trips.

use exsh::engine::convert::{self, parse_number, Num};
use exsh::engine::ops;
use exsh::engine::value::{format_double, Value};
use exsh::lang::ast::{BinOp, Case, CmpOp};
use proptest::prelude::*;

fn as_f64(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Long(i) => *i as f64,
        Value::Double(d) => *d,
        _ => f64::NAN,
    }
}

proptest! {
    #[test]
    fn int_addition_is_exact_or_widens_to_double(a in any::<i32>(), b in any::<i32>()) {
        let r = ops::add(&Value::Int(a), &Value::Int(b)).expect("numbers add");
        let exact = a as i64 + b as i64;
        match r {
            Value::Int(x) => prop_assert_eq!(x as i64, exact),
            Value::Double(d) => {
                prop_assert!(i32::try_from(exact).is_err());
                prop_assert_eq!(d, exact as f64);
            }
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    #[test]
    fn multiplication_matches_the_mathematical_value(a in -100000i32..100000, b in -100000i32..100000) {
        let r = ops::arith(BinOp::Mul, &Value::Int(a), &Value::Int(b)).expect("numbers multiply");
        prop_assert_eq!(as_f64(&r), a as f64 * b as f64);
    }

    #[test]
    fn exact_division_stays_integral(a in -10000i32..10000, b in 1i32..100) {
        let r = ops::arith(BinOp::Div, &Value::Int(a * b), &Value::Int(b)).expect("divides");
        prop_assert!(matches!(r, Value::Int(x) if x == a));
    }

    #[test]
    fn number_on_the_left_compares_numerically(a in any::<i32>(), b in any::<i32>()) {
        let r = ops::compare_scalar(CmpOp::Lt, Case::Insensitive, &Value::Int(a), &Value::string(b.to_string())).expect("compares");
        prop_assert_eq!(r, a < b);
    }

    #[test]
    fn string_on_the_left_compares_as_text(a in 0u32..100000, b in 0u32..100000) {
        let (sa, sb) = (a.to_string(), b.to_string());
        let r = ops::compare_scalar(CmpOp::Lt, Case::Insensitive, &Value::string(sa.clone()), &Value::Int(b as i32)).expect("compares");
        prop_assert_eq!(r, sa < sb);
    }

    #[test]
    fn equality_of_number_and_its_text(a in any::<i64>()) {
        prop_assert!(ops::equals(&Value::Long(a), &Value::string(a.to_string()), false));
        prop_assert!(ops::equals(&Value::string(a.to_string()), &Value::Long(a), false));
    }

    #[test]
    fn case_insensitive_string_equality(s in "[a-zA-Z]{0,12}") {
        prop_assert!(ops::equals(&Value::string(s.clone()), &Value::string(s.to_uppercase()), false));
        prop_assert_eq!(ops::equals(&Value::string(s.clone()), &Value::string(s.to_uppercase()), true), s == s.to_uppercase());
    }

    #[test]
    fn integers_round_trip_through_text(a in any::<i64>()) {
        let n = parse_number(&a.to_string()).expect("parses");
        let back = match n { Num::Int(i) => i as i64, Num::Long(i) => i, Num::Double(d) => d as i64 };
        prop_assert_eq!(back, a);
    }

    #[test]
    fn doubles_round_trip_through_their_display(d in any::<f64>().prop_filter("finite", |d| d.is_finite())) {
        let text = format_double(d);
        let back = parse_number(&text).map(Num::as_f64).expect("parses its own output");
        prop_assert_eq!(back, d);
    }

    #[test]
    fn int_cast_rounds_half_to_even(i in -100000i32..100000) {
        let v = convert::to_i32(&Value::Double(i as f64 + 0.5)).expect("converts");
        let expected = if i % 2 == 0 { i } else { i + 1 };
        prop_assert_eq!(v, expected);
    }

    #[test]
    fn array_filtering_keeps_matching_elements(xs in proptest::collection::vec(-50i32..50, 0..20), k in -50i32..50) {
        let arr = Value::array(xs.iter().map(|x| Value::Int(*x)).collect());
        let mut host = exsh::engine::interp::Interp::new(Box::new(exsh::engine::interp::BufferHost::default()));
        let r = host.binary_values(BinOp::Cmp(CmpOp::Gt, Case::Insensitive), &arr, &Value::Int(k)).expect("filters");
        let got: Vec<i32> = r.enumerate().iter().map(|v| as_f64(v) as i32).collect();
        let want: Vec<i32> = xs.iter().cloned().filter(|x| *x > k).collect();
        prop_assert_eq!(got, want);
    }
}
