import { runCases } from './run-cases';
import { intentCases } from './cases/intents';

describe('nlu: intents', () => runCases(intentCases));
