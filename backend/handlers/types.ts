import type { OperationName, OperationOutput, ParsedInput } from '../../shared/api/contract';
import type { Session } from '../session';

export interface HandlerContext {
  session: Session;
  mode: 'electron' | 'browser' | 'cli';
  version: string;
  dataDir: string;
}

export type Handler<N extends OperationName> = (input: ParsedInput<N>, ctx: HandlerContext) => OperationOutput<N>;

/** A domain area's handlers: a slice of the contract. The union of all slices must be the whole contract. */
export type HandlerMap<N extends OperationName> = { [K in N]: Handler<K> };
