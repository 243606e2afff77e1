/** Where the PolNeAR development split lives: beside the project, in ../shared (never copied in). */
import { resolve } from 'node:path';
import { projectRoot } from '../../src/paths.js';

export const defaultGoldFile = resolve(projectRoot, '..', 'shared', 'quotes', 'polnear-dev.jsonl');
