package org.caveat.features;

/**
 * Features of a risk item for the category tagger: word unigrams and bigrams of the item, with the
 * words of an Item 1A risk factor's heading counted again under their own names, scaled to unit length.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ItemFeatures {
    /** Changes whenever the features change. */
    public static final int VERSION = 3;
    private static final int NS_W = Hashing.namespace("iw");
    private static final int NS_B = Hashing.namespace("ib");
    private static final int NS_H = Hashing.namespace("ih");
    private static final int NS_WORD = Hashing.namespace("word");
    private static final int MAX_WORDS = 3000;

    /**
     * Key terms of each category, from the "covers" column of labels.md with common synonyms. A match is
     * a feature of its own (weighted like several words), so that a category is recognised from its
     * vocabulary even where the training items phrase it differently.
     */
    private static final String[][] CATEGORY_TERMS = {
        {"STOCK_OPTION_REVIEW", "stock option|option grant|options? (?:grant|dating|backdat)|backdat|equity award|measurement date|option practices|409a"},
        {"EXCHANGE_LISTING", "listing|delist|nasdaq|nyse|stock exchange|deficiency|minimum bid|continued list|hearing panel|tsx"},
        {"INTERNAL_CONTROLS", "internal control|material weakness|disclosure controls|restat|timely (?:file|report)|late fil|sarbanes|section 404|controls and procedures"},
        {"RESULTS_VOLATILITY", "fluctuat|quarterly (?:results|operating results|financial results)|unpredictab|guidance|analyst|expectations of (?:securities )?analysts|seasonal|variab"},
        {"LIQUIDITY_FINANCING", "liquidity|indebtedness|debt|covenant|credit (?:facility|rating|agreement)|financing|capital resources|borrow|refinanc|access to capital|cash (?:needs|requirements)|raise (?:additional )?capital"},
        {"LOSSES_GOING_CONCERN", "going concern|history of (?:net )?losses|net losses|never (?:achieve|be) profitab|accumulated deficit|profitability|incurred losses"},
        {"STOCK_PRICE", "stock price|share price|price of our (?:common )?stock|market price|dilut|dividend|repurchase|buyback|volatil\\w* .{0,20}(?:stock|shares)|trading (?:price|volume)"},
        {"MERGERS_ACQUISITIONS", "acqui|merger|integrat|divest|restructur|business combination|transaction|joint venture|synerg|spin-off"},
        {"TAX_ACCOUNTING", "tax|accounting (?:standard|principle|rule|pronouncement|treatment)|impairment|goodwill|write-down|gaap|irs"},
        {"LITIGATION", "litigation|lawsuit|class action|legal proceeding|suits?\\b|claims|derivative|plaintiff|court|settlement|indemnif"},
        {"REGULATION", "regulat|government|licen[cs]|compliance|fda|sec\\b|securities and exchange|investigation|laws?\\b|approval|permit|legislation|agency"},
        {"ENVIRONMENT_CLIMATE", "environment|climate|emission|greenhouse|carbon|pollut|hazardous|remediation|health and safety|wildfire|sustainab|esg"},
        {"GOVERNANCE_TAKEOVER", "takeover|anti-takeover|change (?:of|in) control|controlling (?:stockholder|shareholder)|dual[- ]class|rights plan|poison pill|charter|bylaws|delaware law|board of directors|voting power|ownership limit"},
        {"MACROECONOMIC", "econom|recession|downturn|inflation|interest rate|demand|consumer spending|capital markets|credit markets|commodity|prices? of (?:oil|gold|copper)|cycl"},
        {"INTERNATIONAL", "international|foreign|currenc|exchange rate|geopolit|tariff|trade (?:restriction|polic|war)|export|import|outside the (?:united states|u\\.s\\.)|emerging markets|china|prc"},
        {"CATASTROPHE_PANDEMIC", "pandemic|covid|epidemic|natural disaster|hurricane|earthquake|terroris|war\\b|armed|outbreak|catastroph|flood|fire|storm|weather"},
        {"SUPPLY_CHAIN", "supplier|supply|shortage|component|raw material|contract manufactur|vendor|input cost|sourc|logistic|freight"},
        {"PRODUCT_QUALITY", "defect|recall|warranty|product liability|quality|yield|manufacturing (?:capacity|problem|issue)|safety of (?:our )?products"},
        {"KEY_PERSONNEL", "key (?:personnel|employees|executives|management)|retain|attract|hire|hiring|talent|employees|labor|labour|union|management team|succession|officers"},
        {"CYBERSECURITY_IT", "cyber|security breach|breach|hack|data privacy|privacy|information technology|it systems|computer|systems failure|ransomware|personal (?:data|information)|y2k|year 2000"},
        {"INTELLECTUAL_PROPERTY", "intellectual property|patent|trademark|copyright|trade secret|infring|proprietary (?:technology|rights)|licens"},
        {"TECHNOLOGY_CHANGE", "technolog|new products?|product development|innovation|market acceptance|obsole|rapid(?:ly)? chang|introduc\\w* (?:of )?new"},
        {"COMPETITION", "competit|pricing pressure|price pressure|new entrants|rivals|market share"},
        {"INDUSTRY_CONSOLIDATION", "consolidation|consolidat\\w* (?:in|among|of) |mergers among"},
        {"CUSTOMER_CONCENTRATION", "customer concentration|(?:small|limited) number of (?:customers|distributors|clients)|significant customers?|major customers?|key customers?|largest customers?|distributors?|channel partners|resellers|tenants?"},
        {"GROWTH_MANAGEMENT", "growth|expansion|expand|scal(?:e|ing)|new markets|new stores|manage (?:our )?growth|rapid growth"},
        {"REPUTATION", "reputation|brand|public perception|adverse publicity|negative publicity|goodwill of|image|social media"},
    };
    static final PatternSet TERMS;
    private static final int[] TERM_HASH = new int[CATEGORY_TERMS.length];
    private static final java.util.regex.Pattern[] TERM_PATTERNS = new java.util.regex.Pattern[CATEGORY_TERMS.length];

    static {
        java.util.List<java.util.regex.Pattern> patterns = new java.util.ArrayList<>();
        for (int i = 0; i < CATEGORY_TERMS.length; i++) {
            TERM_PATTERNS[i] = java.util.regex.Pattern.compile(CATEGORY_TERMS[i][1], java.util.regex.Pattern.CASE_INSENSITIVE);
            patterns.add(TERM_PATTERNS[i]);
            TERM_HASH[i] = Hashing.namespace("term:" + CATEGORY_TERMS[i][0]);
        }
        TERMS = new PatternSet(patterns, java.util.Map.of());
    }

    private final int dimension;

    /**
     * @param dimension the number of hash buckets, a power of two
     */
    public ItemFeatures(int dimension) {
        if (Integer.bitCount(dimension) != 1) {
            throw new IllegalArgumentException("dimension must be a power of two, was " + dimension);
        }
        this.dimension = dimension;
    }

    /** @return the number of hash buckets */
    public int dimension() {
        return dimension;
    }

    /**
     * Extracts the features of a risk item.
     *
     * @param text the text the item lies in
     * @param start the item's first offset
     * @param end the item's end offset
     * @param headingEnd for an Item 1A risk factor, the end offset of its heading; otherwise {@code start}
     * @return the feature vector, of unit length
     */
    public FeatureVector extract(CharSequence text, int start, int end, int headingEnd) {
        FeatureVector.Builder b = new FeatureVector.Builder(dimension);
        collect(text, start, end, headingEnd, b);
        return b.build(true);
    }

    /**
     * Extracts the features of a risk item with a name for each, for explanations: the features and
     * values that {@link #extract} builds its vector from, before merging and scaling.
     *
     * @param text the text the item lies in
     * @param start the item's first offset
     * @param end the item's end offset
     * @param headingEnd for an Item 1A risk factor, the end offset of its heading; otherwise {@code start}
     * @return a naming builder holding the features; {@link #scale} gives the factor that
     *     {@link #extract} scales them by
     */
    public FeatureVector.Builder extractNamed(CharSequence text, int start, int end, int headingEnd) {
        FeatureVector.Builder b = new FeatureVector.Builder(dimension, true);
        collect(text, start, end, headingEnd, b);
        return b;
    }

    /**
     * Works out the factor that scales features to unit length, as {@link #extract} does.
     *
     * @param b the features, unmerged
     * @return one over the length of the merged vector, or 1 for no features
     */
    public static double scale(FeatureVector.Builder b) {
        java.util.Map<Integer, Float> merged = new java.util.HashMap<>();
        for (int k = 0; k < b.count(); k++) {
            merged.merge(b.index(k), b.value(k), Float::sum);
        }
        double ss = 0;
        for (float v : merged.values()) {
            ss += (double) v * v;
        }
        return ss == 0 ? 1 : 1 / Math.sqrt(ss);
    }

    private void collect(CharSequence text, int start, int end, int headingEnd, FeatureVector.Builder b) {
        boolean naming = b.naming();
        // A word takes two characters at least (one and a separator): size the buffer to the item.
        int[] buf = new int[2 * Math.min(MAX_WORDS, (end - start) / 2 + 1)];
        int n = Words.find(text, start, end, buf);
        int prev = 0;
        String prevName = null;
        for (int k = 0; k < n; k++) {
            int h = Hashing.chars(NS_WORD, text, buf[2 * k], buf[2 * k + 1]);
            String word = naming ? Names.folded(text, buf[2 * k], buf[2 * k + 1]) : null;
            b.add(Hashing.combine(NS_W, h), 1f);
            if (naming) {
                b.name("word \"" + word + "\"");
            }
            if (k > 0) {
                b.add(Hashing.combine(NS_B, Hashing.combine(prev, h)), 1f);
                if (naming) {
                    b.name("bigram \"" + prevName + " " + word + "\"");
                }
            }
            if (buf[2 * k + 1] <= headingEnd) {
                b.add(Hashing.combine(NS_H, h), 1f);
                if (naming) {
                    b.name("heading word \"" + word + "\"");
                }
            }
            prev = h;
            prevName = word;
        }
        if (b.count() == 0) {
            b.add(NS_W, 1f);
            if (naming) {
                b.name("no words");
            }
        }
        CharSequence item = org.caveat.read.Typography.folded(text.subSequence(start, end));
        float termWeight = (float) Math.max(1.5, Math.sqrt(n) / 2);
        long terms = TERMS.find(item);
        for (int i = 0; i < CATEGORY_TERMS.length; i++) {
            if ((terms & (1L << i)) != 0) {
                b.add(TERM_HASH[i], termWeight);
                if (naming) {
                    java.util.regex.Matcher m = TERM_PATTERNS[i].matcher(item);
                    b.name("term of " + CATEGORY_TERMS[i][0] + (m.find() ? " \"" + m.group().toLowerCase(java.util.Locale.ROOT) + "\"" : ""));
                }
            }
        }
    }
}
