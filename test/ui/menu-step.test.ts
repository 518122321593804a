// menuStep: what one menu key does to the open menu, the same for the dashboard and the comparison.
import { describe, expect, it } from 'vitest';
import { menuStep, openedMenu, type Menu, type OpenMenu } from '../../source/ui/menus.js';

const sub: Menu = { title: 'sub', items: [{ label: 'x', value: '0', action: { type: 'heal-all' } }] };
const menu: Menu = {
  title: 'm',
  items: [
    { label: 'a', value: '0', action: { type: 'add-master' } },
    { label: 'b', value: '1', submenu: () => sub },
    { label: 'c', value: '2', run: () => undefined },
  ],
};
const open = openedMenu(null, menu) as OpenMenu;

describe('menuStep', () => {
  it('opens with the first item highlighted and a new serial each time', () => {
    expect(open).toEqual({ menu, index: 0, serial: 1 });
    expect(openedMenu(open, menu)?.serial).toBe(2);
    expect(openedMenu(open, null)).toBeNull();
  });

  it('moves the highlight around, wrapping at both ends', () => {
    expect(menuStep(open, { kind: 'menu-move', delta: -1 })?.open?.index).toBe(2);
    expect(menuStep({ ...open, index: 2 }, { kind: 'menu-move', delta: 1 })?.open?.index).toBe(0);
  });

  it('choosing an item closes the menu and hands the item back; a submenu opens instead', () => {
    expect(menuStep(open, { kind: 'menu-choose' })).toEqual({ open: null, chosen: menu.items[0] });
    const s = menuStep(open, { kind: 'menu-pick', index: 1 });
    expect(s?.chosen).toBeNull();
    expect(s?.open?.menu).toBe(sub);
    expect(s?.open?.serial).toBe(2);
    expect(menuStep({ ...open, index: 2 }, { kind: 'menu-choose' })?.chosen).toBe(menu.items[2]);
  });

  it('a key past the last item does nothing; Esc closes', () => {
    expect(menuStep(open, { kind: 'menu-pick', index: 3 })).toBeNull();
    expect(menuStep(open, { kind: 'menu-close' })).toEqual({ open: null, chosen: null });
    expect(menuStep(null, { kind: 'menu-choose' })).toBeNull();
  });
});
