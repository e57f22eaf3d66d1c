/**
 * The report as one self-contained HTML page that works offline: the fleet summary, a
 * risk-distribution chart, a sortable and filterable table of functions, each function's findings
 * with their fixes, and the attack-surface graph (entry points → functions → resources, coloured by
 * risk) drawn as SVG. Styles and script are inlined; nothing is fetched.
 */
@NullMarked
package dev.warden.report.html;

import org.jspecify.annotations.NullMarked;
