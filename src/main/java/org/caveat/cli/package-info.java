/** The command line ({@code analyze}, {@code train}, {@code evaluate}); only {@code Main.main} is meant for use. */
package org.caveat.cli;
