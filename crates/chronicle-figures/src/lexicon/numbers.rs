//! Words that make numbers: number words, scales, vague quantities,
//! qualifiers, currencies and units.
//!
//! Every lookup takes the token already lower-cased (ASCII), so the tables
//! are plain `match` statements the compiler turns into fast comparisons.
//! The lists come from reading English news (Wikinews, AP style): they hold
//! what reporters write, not every word a dictionary knows.

use chronicle_core::Approx;

/// The value of a cardinal number word below a hundred (`"one"` …
/// `"ninety"`), or of `"dozen"`.
pub fn small_number_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Multipliers written as words or suffixes: `"million"`, `"bn"`, `"k"`.
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "dozen" => 12.0,
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" => 1e12,
        "quadrillion" => 1e15,
        "quintillion" => 1e18,
        "sextillion" => 1e21,
        "septillion" => 1e24,
        "octillion" => 1e27,
        "nonillion" => 1e30,
        "decillion" => 1e33,
        "undecillion" => 1e36,
        "lakh" => 1e5,
        "crore" => 1e7,
        _ => return None,
    })
}

/// Suffixes glued to digits: `40k`, `2.3bn`, `5m` (the last only next to a
/// currency or before a noun; see `number.rs`).
pub fn scale_suffix(w: &str) -> Option<f64> {
    Some(match w {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "b" | "bn" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Vague plural quantities and the lower bound they stand for:
/// "dozens" ≥ 24 (two dozen), "scores" ≥ 40 (two score), "hundreds" ≥ 100,
/// "thousands" ≥ 1,000, "millions" ≥ 1,000,000. "tens" only as in "tens of
/// thousands" (≥ 10 × the scale that follows).
pub fn vague_plural(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 24.0,
        "scores" => 40.0,
        "tens" => 10.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// Qualifiers of one word before a number.
pub fn qualifier1(w: &str) -> Option<Approx> {
    Some(match w {
        "about" | "around" | "approximately" | "roughly" | "some" | "approx" | "circa" | "c."
        | "near" | "estimated" => Approx::About,
        "over" | "above" => Approx::MoreThan,
        "under" | "below" => Approx::LessThan,
        "nearly" | "almost" => Approx::Nearly,
        "within" => Approx::UpTo,
        _ => return None,
    })
}

/// Qualifiers of two words before a number.
pub fn qualifier2(a: &str, b: &str) -> Option<Approx> {
    Some(match (a, b) {
        ("at", "least") => Approx::AtLeast,
        ("more", "than") | ("upwards", "of") | ("excess", "of") => Approx::MoreThan,
        ("less", "than") | ("fewer", "than") => Approx::LessThan,
        ("up", "to") | ("many", "as") | ("much", "as") | ("at", "most") => Approx::UpTo,
        ("close", "to") | ("just", "under") | ("just", "below") => Approx::Nearly,
        ("just", "over") => Approx::MoreThan,
        _ => return None,
    })
}

/// Currency written before the number: symbols and ISO codes.
pub fn currency_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "us$" | "usd" => "USD",
        "€" | "eur" => "EUR",
        "£" | "gbp" => "GBP",
        "¥" | "jpy" => "JPY",
        "₹" | "rs" | "rs." | "inr" => "INR",
        "₽" | "ru₽" | "rub" => "RUB",
        "a$" | "aud" => "AUD",
        "c$" | "ca$" | "cad" => "CAD",
        "nz$" | "nzd" => "NZD",
        "hk$" | "hkd" => "HKD",
        "chf" => "CHF",
        "cny" | "rmb" => "CNY",
        _ => return None,
    })
}

/// Currency written after the number: "dollars", "rubles".
pub fn currency_suffix(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollars" | "dollar" => "USD",
        "euros" | "euro" => "EUR",
        "pounds" | "sterling" => "GBP",
        "yen" => "JPY",
        "rupees" | "rupee" => "INR",
        "rubles" | "ruble" | "roubles" | "rouble" => "RUB",
        "yuan" | "renminbi" => "CNY",
        "pesos" | "peso" => "MXN",
        "francs" | "franc" => "CHF",
        _ => currency_prefix(w)?,
    })
}

/// Units of measure written after the number, with their canonical name
/// and whether they measure length (category `distance`).
pub fn unit(w: &str) -> Option<(&'static str, bool)> {
    Some(match w {
        "km" | "kms" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => ("km", true),
        "mi" | "miles" | "mile" => ("mile", true),
        "m" | "metres" | "meters" | "metre" | "meter" => ("m", true),
        "cm" | "centimetres" | "centimeters" | "centimetre" | "centimeter" => ("cm", true),
        "mm" | "millimetres" | "millimeters" | "millimetre" | "millimeter" => ("mm", true),
        "ft" | "feet" | "foot" => ("ft", true),
        "yards" | "yard" | "yd" => ("yard", true),
        "inches" | "inch" => ("inch", true),
        "nmi" => ("nautical mile", true),
        "tons" | "tonnes" | "ton" | "tonne" | "t" => ("ton", false),
        "kg" | "kilograms" | "kilogram" | "kilos" => ("kg", false),
        "lb" | "lbs" => ("lb", false),
        "hectares" | "hectare" | "ha" => ("hectare", false),
        "acres" | "acre" => ("acre", false),
        "degrees" | "degree" | "°c" | "°f" | "°" => ("degree", false),
        "mph" => ("mph", false),
        "kph" | "km/h" => ("km/h", false),
        "knots" => ("knot", false),
        "litres" | "liters" | "litre" | "liter" => ("litre", false),
        "gallons" | "gallon" => ("gallon", false),
        "barrels" | "barrel" => ("barrel", false),
        "mw" | "megawatts" => ("MW", false),
        "gw" | "gigawatts" => ("GW", false),
        _ => return None,
    })
}
