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
            if stats {
                for v in &vals {
                    match convert::to_f64(v) {
                        Ok(n) => nums.push(n),
                        Err(_) if a.maximum || a.minimum => {}
                        Err(_) => {
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
            let sum: f64 = nums.iter().sum();
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
                    ("Maximum", pick(a.maximum, max)),
                    ("Minimum", pick(a.minimum, min)),
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
