/** The entry point of the built command line, dist/cli.cjs. */
import { run } from "./partnerfit";

run();
