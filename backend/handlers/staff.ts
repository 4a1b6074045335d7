/** Staff and placeholders: who delivers provision and what an hour of their time costs. */
import { ApiError } from '../../shared/api/contract';
import { findOrThrow } from '../session';
import type { HandlerMap } from './types';

export const staffHandlers: HandlerMap<'staff.create' | 'staff.update' | 'staff.delete'> = {
  'staff.create': (fields, { session }) => session.mutate(`Add staff member “${fields.name}”`, (repos) => repos.staff.create(fields)),

  'staff.update': ({ id, changes }, { session }) =>
    session.mutate('Edit staff member', (repos, year) => {
      findOrThrow(year.staff, id, 'staff member');
      repos.staff.update(id, changes);
    }),

  'staff.delete': ({ id }, { session }) =>
    session.mutate('Delete staff member', (repos, year) => {
      const person = findOrThrow(year.staff, id, 'staff member');
      const lines = year.lines.filter((l) => l.staff.some((s) => s.staffId === id));
      if (lines.length > 0) {
        const names = lines
          .slice(0, 3)
          .map((l) => `“${l.name}”`)
          .join(', ');
        throw new ApiError('conflict', `${person.name} still delivers ${lines.length} line(s): ${names}${lines.length > 3 ? ' …' : ''}. Assign someone else first.`);
      }
      const others = year.otherCosts.filter((o) => o.staffId === id);
      if (others.length > 0) throw new ApiError('conflict', `${person.name} is named on the cost line “${others[0]?.name}”. Change that first.`);
      if (year.workload.alncoStaffId === id) repos.workload.update({ alncoStaffId: null });
      repos.staff.delete(id);
    }),
};
