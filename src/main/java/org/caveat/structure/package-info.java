/**
 * Structure: the layout of a segmented document, as features for the classifiers and as the source
 * of Item 1A risk factors. Internal. Parameters and results are never null.
 */
package org.caveat.structure;
