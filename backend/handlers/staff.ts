/** Staff and placeholders: who delivers provision and what an hour of their time costs. */
import { namesParams } from '../../db/repositories/tableRecord';
import { ApiError } from '../../shared/api/contract';
import { findOrThrow } from '../session';
import type { HandlerMap } from './types';

export const staffHandlers: HandlerMap<'staff.create' | 'staff.update' | 'staff.delete'> = {
  'staff.create': (fields, { session }) => session.mutate({ step: 'addStaff', params: { name: fields.name } }, (repos) => repos.staff.create(fields)),

  'staff.update': ({ id, changes }, { session }) =>
    session.mutate({ step: 'editStaff' }, (repos, year) => {
      findOrThrow(year.staff, id, 'noStaff');
      repos.staff.update(id, changes);
    }),

  'staff.delete': ({ id }, { session }) =>
    session.mutate({ step: 'deleteStaff' }, (repos, year) => {
      const person = findOrThrow(year.staff, id, 'noStaff');
      const lines = year.lines.filter((l) => l.staff.some((s) => s.staffId === id));
      if (lines.length > 0) {
        throw new ApiError('conflict', 'staffDeliversLines', { staff: person.name, count: lines.length, ...namesParams(lines) });
      }
      const others = year.otherCosts.filter((o) => o.staffId === id);
      if (others.length > 0) throw new ApiError('conflict', 'staffInOtherCosts', { staff: person.name, count: others.length, ...namesParams(others) });
      if (year.workload.alncoStaffId === id) repos.workload.update({ alncoStaffId: null });
      repos.staff.delete(id);
    }),
};
