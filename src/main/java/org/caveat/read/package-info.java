/**
 * Reading: bytes in, analysable text out. Recognises plain text, HTML and EDGAR submission files from
 * their content, decodes charsets (UTF-8, windows-1252, UTF-16 with a byte-order mark) and refuses
 * binary input. Internal: not part of the public API. Parameters and results are never null unless
 * documented.
 */
package org.caveat.read;
