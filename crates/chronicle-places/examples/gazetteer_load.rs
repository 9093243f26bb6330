//! Prints how long the embedded gazetteer takes to load (the goal
//! is at most 300 ms): `cargo run --release -p chronicle-places --example gazetteer_load`.

fn main() {
    let t = std::time::Instant::now();
    let g = chronicle_places::Gazetteer::get();
    println!(
        "{} entries, {} bytes, loaded in {:.1} ms",
        g.len(),
        chronicle_places::gazetteer::GAZETTEER_FILE.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
}
