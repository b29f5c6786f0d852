/*
 * Entry of functions.js: every family of PARTNER.* custom functions. The build registers each
 * annotated function with CustomFunctions.associate (custom-functions-metadata-plugin).
 */
import "./audit";
import "./finance";
import "./pnl";
import "./tier";
import "./scorecard";
import "./segment";
import "./plan";
import "./funnel";
import "./funds";
import "./accounts";
import "./match";
