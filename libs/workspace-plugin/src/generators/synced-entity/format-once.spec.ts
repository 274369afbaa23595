import { formatOnce } from './format-once';
import { formattedTree } from './testing/workspace-tree';

describe('formatOnce', () => {
  it("formats with the workspace's prettier config", async () => {
    const tree = formattedTree();
    // 88 characters: one line at printWidth 100, wrapped at prettier's default of 80.
    tree.write(
      'a.ts',
      'export const value = call("argumentNumberOne", "argumentNumberTwo", "argumentThree")\n',
    );
    await formatOnce(tree);
    expect(tree.read('a.ts', 'utf-8')).toBe(
      "export const value = call('argumentNumberOne', 'argumentNumberTwo', 'argumentThree');\n",
    );
  });

  it('fails instead of leaving files unformatted', async () => {
    const tree = formattedTree();
    tree.write('broken.ts', 'export const = ;\n');
    await expect(formatOnce(tree)).rejects.toThrow(/could not format.*broken\.ts/s);
  });

  it('fails when the workspace has no prettier config', async () => {
    const tree = formattedTree();
    tree.delete('.prettierrc');
    tree.write('a.ts', 'export const a = 1;\n');
    await expect(formatOnce(tree)).rejects.toThrow(/\.prettierrc not found/);
  });
});
