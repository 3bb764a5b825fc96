/**
 * Files the user names on the command line: reading a text file whole and strictly (a regular
 * file, UTF-8, the place of the first bad byte), and saying what a path that is not a regular
 * file is.
 */
package dev.irqlab.conformance.io;
