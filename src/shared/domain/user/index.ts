/** Users of the console, their roles and their password verifiers. */
import { defineKind } from '../kind';
import { userCreate, userEnrolKey, userSetActive, userSetPassword, userUpdate } from './commands';
import { userEvents } from './events';
import { applyUser } from './fold';

export const userKind = defineKind({
  kind: 'user',
  events: userEvents,
  fold: applyUser,
  commands: { 'user.create': userCreate, 'user.update': userUpdate, 'user.setPassword': userSetPassword, 'user.setActive': userSetActive, 'user.enrolKey': userEnrolKey },
  table: 'users',
  label: (s) => s.displayName,
  route: () => '#/admin/users',
});
