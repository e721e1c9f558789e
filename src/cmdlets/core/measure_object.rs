//! Measure-Object: counts input and, for numbers or a property, computes -Sum,
//! -Average, -Maximum, -Minimum (GenericMeasureInfo); -Line/-Word/-Character for text.

use crate::cmdlets::core::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::convert;
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::MeasureObjectArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct MeasureObject {
    count: usize,
    values: Vec<Vec<Value>>,
    lines: usize,
    words: usize,
    chars: usize,
}

pub const MEASURE_INFO: &str = "Microsoft.PowerShell.Commands.GenericMeasureInfo";
pub const TEXT_MEASURE_INFO: &str = "Microsoft.PowerShell.Commands.TextMeasureInfo";

impl Cmdlet for MeasureObject {
    type Args = MeasureObjectArgs;

    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(item) = util::input_of(cx, &a.input_object) else {
            return Ok(());
        };
        if a.line || a.word || a.character {
            let s = item.to_display_string();
            self.lines += s.lines().count().max(1);
            self.words += s.split_whitespace().count();
            self.chars += s.chars().count();
            return Ok(());
        }
        if self.values.len() < a.property.len().max(1) {
            self.values.resize(a.property.len().max(1), Vec::new());
        }
        if a.property.is_empty() {
            if !item.is_null() {
                self.values[0].push(item);
                self.count += 1;
            }
        } else {
            let mut any = false;
            for (k, p) in a.property.iter().enumerate() {
                if let Some(v) = util::property_of(&item, p) {
                    self.values[k].push(v);
                    any = true;
                }
            }
            if any {
                self.count += 1;
            }
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if a.line || a.word || a.character {
            let opt = |on: bool, n: usize| if on { Value::from(n) } else { Value::Null };
            return cx.write(util::typed_object(
                TEXT_MEASURE_INFO,
                vec![
                    ("Lines", opt(a.line, self.lines)),
                    ("Words", opt(a.word, self.words)),
                    ("Characters", opt(a.character, self.chars)),
                    ("Property", Value::Null),
                ],
            ));
        }
        let columns = if a.property.is_empty() {
            vec![None]
        } else {
            a.property.iter().map(Some).collect()
        };
        for (k, prop) in columns.into_iter().enumerate() {
            let vals = self.values.get(k).cloned().unwrap_or_default();
            let stats = a.sum || a.average || a.maximum || a.minimum;
            let mut nums = Vec::with_capacity(vals.len());
            // A time or a date is not a number to Measure-Object, whatever its ticks.
            let numeric = |v: &Value| match v {
                Value::TimeSpan(_) | Value::DateTime(_) => None,
                other => convert::to_f64(other).ok(),
            };
            if stats {
                for v in &vals {
                    match numeric(v) {
                        Some(n) => nums.push(n),
                        None if (a.maximum || a.minimum) && !(a.sum || a.average) => {}
                        None => {
                            let e = ErrorRecord::new(
                                format!(
                                    "Input object \"{}\" is not numeric.",
                                    v.to_display_string()
                                ),
                                "NonNumericInputObject",
                                ErrorCategory::InvalidType,
                            );
                            cx.write_error(e)?;
                        }
                    }
                }
            }
            let sum: f64 = nums.iter().fold(0.0, |acc, x| acc + x);
            let count = if a.property.is_empty() {
                self.count
            } else {
                vals.len()
            };
            let pick = |on: bool, v: Option<f64>| match (on, v) {
                (true, Some(x)) => Value::Double(x),
                _ => Value::Null,
            };
            let max = nums
                .iter()
                .cloned()
                .fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x))));
            let min = nums
                .iter()
                .cloned()
                .fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.min(x))));
            // PowerShell 6+ takes the maximum and minimum of values that are not numbers
            // (strings, dates, times) by comparing them as they are.
            let all_numeric = nums.len() == vals.len();
            let extreme = |want: std::cmp::Ordering| {
                vals.iter()
                    .filter(|v| !v.is_null())
                    .fold(None, |m: Option<&Value>, v| match m {
                        Some(m) if util::compare_keys(v, m, false) != want => Some(m),
                        _ => Some(v),
                    })
                    .cloned()
            };
            let pick_any = |on: bool, num: Option<f64>, want: std::cmp::Ordering| {
                if !on {
                    Value::Null
                } else if all_numeric {
                    num.map(Value::Double).unwrap_or(Value::Null)
                } else {
                    extreme(want).unwrap_or(Value::Null)
                }
            };
            let avg = if nums.is_empty() {
                None
            } else {
                Some(sum / nums.len() as f64)
            };
            cx.write(util::typed_object(
                MEASURE_INFO,
                vec![
                    ("Count", Value::from(count)),
                    ("Average", pick(a.average, avg)),
                    ("Sum", pick(a.sum, Some(sum))),
                    (
                        "Maximum",
                        pick_any(a.maximum, max, std::cmp::Ordering::Greater),
                    ),
                    (
                        "Minimum",
                        pick_any(a.minimum, min, std::cmp::Ordering::Less),
                    ),
                    (
                        "Property",
                        prop.map(|p| Value::str(p)).unwrap_or(Value::Null),
                    ),
                ],
            ))?;
        }
        Ok(())
    }
}
