package io.vncstream.terminal.swing;

import java.awt.Color;

/** Columns {@code from} (inclusive) to {@code to} (exclusive) of one row, painted {@code color} behind the text. */
record CellRange(int from, int to, Color color) {
}
