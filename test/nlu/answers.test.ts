import { runCases } from './run-cases';
import { choices, whenAnswers } from './cases/answers';

describe('nlu: choosing an offered time', () => runCases(choices));
describe('nlu: when', () => runCases(whenAnswers));
