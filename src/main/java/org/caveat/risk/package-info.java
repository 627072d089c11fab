/**
 * Risk items: enumerated-list items in disclaimers and Item 1A risk factors, and their categories.
 * Internal. Parameters and results are never null.
 */
package org.caveat.risk;
