package org.caveat.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.caveat.RiskCategory;
import org.caveat.SegmentType;
import org.caveat.classify.Transitions;

/**
 * A complete trained model: the segment-type classifier, the one-vs-rest category tagger with a
 * threshold per category, the calibration of their scores, and the manifest that says where they came from. Immutable and thread-safe.
 */
public final class CaveatModel {
    /**
     * The model format version this library writes: 3 adds the category model of an item's pieces and the
     * per-category combiner. It also reads formats 1 (Caveat 0.1) and 2, whose categories score the item only.
     */
    public static final int FORMAT_VERSION = 3;

    private final String name;
    private final String version;
    private final LinearModel segmentTypes;
    private final LinearModel categories;
    private final double[] thresholds;
    private final Transitions transitions;
    private final Calibration calibration;
    private final LinearModel factorStarts;
    private final LinearModel categoryPieces;
    private final Map<String, String> provenance;

    /**
     * @param name the model's name
     * @param version the model's version
     * @param segmentTypes a multinomial model with one output per {@link SegmentType}, in enum order
     * @param categories a one-vs-rest model with one output per {@link RiskCategory}, in enum order
     * @param thresholds one decision threshold per category, in enum order
     * @param transitions segment-type transitions for sequence decoding
     * @param provenance training settings and data hash, written to and read from the manifest
     */
    public CaveatModel(String name, String version, LinearModel segmentTypes, LinearModel categories,
                       double[] thresholds, Transitions transitions, Map<String, String> provenance) {
        this(name, version, segmentTypes, categories, thresholds, transitions, Calibration.IDENTITY, provenance);
    }

    /**
     * @param name the model's name
     * @param version the model's version
     * @param segmentTypes a multinomial model with one output per {@link SegmentType}, in enum order
     * @param categories a one-vs-rest model with one output per {@link RiskCategory}, in enum order
     * @param thresholds one decision threshold per category, in enum order, on the calibrated scale
     * @param transitions segment-type transitions for sequence decoding
     * @param calibration the map from margins to calibrated probabilities
     * @param provenance training settings and data hash, written to and read from the manifest
     */
    public CaveatModel(String name, String version, LinearModel segmentTypes, LinearModel categories,
                       double[] thresholds, Transitions transitions, Calibration calibration,
                       Map<String, String> provenance) {
        this(name, version, segmentTypes, categories, thresholds, transitions, calibration, null, provenance);
    }

    /**
     * @param name the model's name
     * @param version the model's version
     * @param segmentTypes a multinomial model with one output per {@link SegmentType}, in enum order
     * @param categories a one-vs-rest model with one output per {@link RiskCategory}, in enum order
     * @param thresholds one decision threshold per category, in enum order, on the calibrated scale
     * @param transitions segment-type transitions for sequence decoding
     * @param calibration the map from margins to calibrated probabilities
     * @param factorStarts a one-output model of where risk factors start in a plain-text Item 1A section,
     *     or null to leave that to the layout rules
     * @param provenance training settings and data hash, written to and read from the manifest
     */
    public CaveatModel(String name, String version, LinearModel segmentTypes, LinearModel categories,
                       double[] thresholds, Transitions transitions, Calibration calibration, LinearModel factorStarts,
                       Map<String, String> provenance) {
        this(name, version, segmentTypes, categories, null, thresholds, transitions, calibration, factorStarts, provenance);
    }

    /**
     * @param name the model's name
     * @param version the model's version
     * @param segmentTypes a multinomial model with one output per {@link SegmentType}, in enum order
     * @param categories a one-vs-rest model of whole items with one output per {@link RiskCategory}, in enum order
     * @param categoryPieces a one-vs-rest model of an item's pieces (an Item 1A factor's heading and sentences,
     *     {@link org.caveat.features.ItemSentences}) over the same features, or null to score whole items only
     * @param thresholds one decision threshold per category, in enum order, on the calibrated scale
     * @param transitions segment-type transitions for sequence decoding
     * @param calibration the map from margins to calibrated probabilities
     * @param factorStarts a one-output model of where risk factors start in a plain-text Item 1A section,
     *     or null to leave that to the layout rules
     * @param provenance training settings and data hash, written to and read from the manifest
     * @throws IllegalArgumentException if a model's outputs or dimension do not fit its role
     */
    public CaveatModel(String name, String version, LinearModel segmentTypes, LinearModel categories,
                       LinearModel categoryPieces, double[] thresholds, Transitions transitions, Calibration calibration,
                       LinearModel factorStarts, Map<String, String> provenance) {
        if (categoryPieces != null && (categoryPieces.outputs() != Objects.requireNonNull(categories, "categories").outputs()
                || categoryPieces.dimension() != categories.dimension())) {
            throw new IllegalArgumentException("the category model of pieces needs the outputs and dimension of the item model");
        }
        this.categoryPieces = categoryPieces;
        if (factorStarts != null && factorStarts.outputs() != 1) {
            throw new IllegalArgumentException("the factor-start model needs one output");
        }
        this.factorStarts = factorStarts;
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.segmentTypes = Objects.requireNonNull(segmentTypes, "segmentTypes");
        this.categories = Objects.requireNonNull(categories, "categories");
        if (segmentTypes.outputs() != SegmentType.values().length) {
            throw new IllegalArgumentException("the segment-type model needs one output per type");
        }
        if (categories.outputs() != RiskCategory.values().length || thresholds.length != categories.outputs()) {
            throw new IllegalArgumentException("the category model needs one output and one threshold per category");
        }
        this.thresholds = thresholds.clone();
        this.transitions = Objects.requireNonNull(transitions, "transitions");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        if (calibration.categories() != categories.outputs()) {
            throw new IllegalArgumentException("the calibration needs one scale and shift per category");
        }
        // Sorted, so that the manifest lists provenance in the same order in every JVM (Map.copyOf's
        // iteration order changes from run to run, which would break byte-identical retraining).
        this.provenance = java.util.Collections.unmodifiableMap(new TreeMap<>(provenance));
    }

    /** @return the model's name */
    public String name() {
        return name;
    }

    /** @return the model's version */
    public String version() {
        return version;
    }

    /** @return the segment-type classifier */
    public LinearModel segmentTypes() {
        return segmentTypes;
    }

    /** @return the category tagger */
    public LinearModel categories() {
        return categories;
    }

    /**
     * @param category a category
     * @return the score at or above which the category is assigned
     */
    public double threshold(RiskCategory category) {
        return thresholds[category.ordinal()];
    }

    /** @return a copy of all thresholds, in category order */
    public double[] thresholds() {
        return Arrays.copyOf(thresholds, thresholds.length);
    }

    /** @return the segment-type transitions */
    public Transitions transitions() {
        return transitions;
    }

    /** @return the category model of an item's pieces, or null when categories score whole items only */
    public LinearModel categoryPieces() {
        return categoryPieces;
    }

    /** @return the model of where risk factors start in a plain-text Item 1A section, or null when the rules decide */
    public LinearModel factorStarts() {
        return factorStarts;
    }

    /** @return the map from margins to calibrated probabilities */
    public Calibration calibration() {
        return calibration;
    }

    /** @return training settings and data provenance, as in the manifest */
    public Map<String, String> provenance() {
        return provenance;
    }
}
