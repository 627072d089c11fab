package org.caveat;

/**
 * The 27 risk categories of {@code labels.md} section 2, in the order the specification lists them.
 * The names are the stable identifiers used in JSON output, model files and the training data.
 */
public enum RiskCategory {
    /** Reviews, investigations or restatements about historical stock option grants. */
    STOCK_OPTION_REVIEW("Finance & corporate"),
    /** Meeting exchange requirements for continued listing, delisting and deficiency notices. */
    EXCHANGE_LISTING("Finance & corporate"),
    /** Material weaknesses, disclosure controls, restatements, late SEC reports. */
    INTERNAL_CONTROLS("Finance & corporate"),
    /** Unpredictable or fluctuating results, missed guidance, seasonality. */
    RESULTS_VOLATILITY("Finance & corporate"),
    /** Cash needs, access to capital, indebtedness, covenants, credit ratings. */
    LIQUIDITY_FINANCING("Finance & corporate"),
    /** History of losses, going-concern doubt. */
    LOSSES_GOING_CONCERN("Finance & corporate"),
    /** Share price volatility, dilution, dividends, repurchases. */
    STOCK_PRICE("Finance & corporate"),
    /** Acquisitions, integration, divestitures, restructuring, pending mergers. */
    MERGERS_ACQUISITIONS("Finance & corporate"),
    /** Tax liabilities, tax law and accounting changes, impairments. */
    TAX_ACCOUNTING("Finance & corporate"),
    /** Pending or threatened lawsuits, class actions, litigation costs. */
    LITIGATION("Legal & regulatory"),
    /** Government regulation and compliance, licences, regulatory actions. */
    REGULATION("Legal & regulatory"),
    /** Environmental, health and safety, climate rules and physical climate risk. */
    ENVIRONMENT_CLIMATE("Legal & regulatory"),
    /** Anti-takeover provisions, controlling shareholders, governance structure. */
    GOVERNANCE_TAKEOVER("Legal & regulatory"),
    /** Economic downturns, demand cycles, inflation, interest rates. */
    MACROECONOMIC("Macro & political"),
    /** International operations, currency, geopolitics, trade restrictions. */
    INTERNATIONAL("Macro & political"),
    /** Natural disasters, pandemics, terrorism, war. */
    CATASTROPHE_PANDEMIC("Macro & political"),
    /** Dependence on suppliers, shortages, input costs. */
    SUPPLY_CHAIN("Operations"),
    /** Defects, recalls, warranty claims, manufacturing capacity and yields. */
    PRODUCT_QUALITY("Operations"),
    /** Dependence on key people, hiring and retention, labour relations. */
    KEY_PERSONNEL("Operations"),
    /** Security breaches, data privacy, IT system failures. */
    CYBERSECURITY_IT("Technology"),
    /** Protecting intellectual property, infringement claims, licences. */
    INTELLECTUAL_PROPERTY("Technology"),
    /** Rapid technological change, new products, market acceptance. */
    TECHNOLOGY_CHANGE("Technology"),
    /** Competitors, pricing pressure, new entrants. */
    COMPETITION("Market"),
    /** Consolidation among customers, competitors or suppliers. */
    INDUSTRY_CONSOLIDATION("Market"),
    /** Dependence on a few customers, channels or distributors. */
    CUSTOMER_CONCENTRATION("Market"),
    /** Managing growth, scaling, entering new markets. */
    GROWTH_MANAGEMENT("Market"),
    /** Brand and reputation harm. */
    REPUTATION("Market");

    private final String group;

    RiskCategory(String group) {
        this.group = group;
    }

    /**
     * Returns the group this category is listed under in {@code labels.md}.
     *
     * @return the group name, for example {@code "Finance & corporate"}
     */
    public String group() {
        return group;
    }
}
