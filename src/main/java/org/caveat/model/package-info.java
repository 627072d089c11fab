/**
 * The model file format: a zip with {@code manifest.properties} and binary weight tables, versioned,
 * checksummed and read without Java serialization. See {@link org.caveat.model.ModelIO}. Internal.
 * Parameters and results are never null.
 */
package org.caveat.model;
