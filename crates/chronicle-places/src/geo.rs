//! Geometry on the sphere shared by the resolver, the evaluation and the
//! store's event clustering. Coordinates are (latitude, longitude) in
//! degrees; distances in kilometres on a sphere of radius 6,371 km.

/// Great-circle (haversine) distance in km between two (lat, lon) points.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::haversine_km;

    #[test]
    fn one_degree_of_latitude_is_111_km() {
        assert!((haversine_km((0.0, 0.0), (1.0, 0.0)) - 111.2).abs() < 0.5);
    }

    #[test]
    fn antipodes_are_half_the_circumference() {
        let d = haversine_km((0.0, 0.0), (0.0, 180.0));
        assert!((d - std::f64::consts::PI * 6371.0).abs() < 1.0, "{d}");
    }
}
