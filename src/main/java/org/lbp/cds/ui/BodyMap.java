package org.lbp.cds.ui;

import java.util.Map;

/**
 * Where each region sits on the body diagram (seen from behind, so the patient's left is on the left), in the
 * diagram's 300 × 420 coordinates: x of the left side, x of the right side, y.
 */
public final class BodyMap {

    record Spot(int left, int right, int y) {
        int x(String side) {
            return "right".equals(side) ? right : "left".equals(side) ? left : (left + right) / 2;
        }
    }

    private static final Map<String, Spot> SPOTS = Map.ofEntries(
            Map.entry("lats", new Spot(112, 188, 150)),
            Map.entry("low_back", new Spot(150, 150, 205)),
            Map.entry("ql", new Spot(132, 168, 205)),
            Map.entry("glutes", new Spot(128, 172, 245)), Map.entry("glute_med", new Spot(122, 178, 238)),
            Map.entry("piriformis", new Spot(134, 166, 250)), Map.entry("glute_max", new Spot(128, 172, 258)),
            Map.entry("tfl", new Spot(108, 192, 250)),
            Map.entry("quads_hip_flexors", new Spot(128, 172, 290)), Map.entry("hip_flexors", new Spot(128, 172, 272)),
            Map.entry("quads", new Spot(126, 174, 300)),
            Map.entry("adductors", new Spot(143, 157, 312)),
            Map.entry("it_band", new Spot(113, 187, 318)),
            Map.entry("hamstrings", new Spot(130, 170, 335)),
            Map.entry("calves", new Spot(132, 168, 385)));

    private BodyMap() {
    }

    public static int x(String region, String side) {
        Spot spot = SPOTS.get(region);
        return spot == null ? 150 : spot.x(side);
    }

    public static int y(String region) {
        Spot spot = SPOTS.get(region);
        return spot == null ? 200 : spot.y();
    }
}
