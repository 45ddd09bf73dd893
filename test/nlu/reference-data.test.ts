import { runCases } from './run-cases';
import { types, providers, locations } from './cases/reference-data';

describe('nlu: appointment types', () => runCases(types));
describe('nlu: providers', () => runCases(providers));
describe('nlu: locations', () => runCases(locations));
