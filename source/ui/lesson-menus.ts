// The menus a lesson opens: leaving it for free play asks first.
import type { Menu } from './menus.js';

export function leaveLessonMenu(leave: () => void): Menu {
  return {
    title: 'Leave the lesson for free play?',
    items: [
      { label: 'No, stay in the lesson', value: 'stay', run: () => undefined },
      { label: 'Yes, leave it: the cluster keeps running, every key is yours', value: 'leave', run: leave },
    ],
  };
}
