import { runCases } from './run-cases';
import { names, birthDates, contacts } from './cases/identity';

describe('nlu: names', () => runCases(names));
describe('nlu: dates of birth', () => runCases(birthDates));
describe('nlu: phone and email', () => runCases(contacts));
