/**
 * Hand-written answers for CLI tests (the corpus is not a test dependency). They only need to be long,
 * ordinary prose and markdown so the engine has enough evidence to name a model.
 */
export const PROSE_ANSWER = `Certainly! Here is a short overview of how photosynthesis works.

Plants capture light energy with chlorophyll, a green pigment found in the chloroplasts of their leaves. That
energy is used to split water molecules, which releases oxygen as a by-product and produces the chemical
carriers ATP and NADPH. In the second stage, often called the Calvin cycle, the plant uses those carriers to
turn carbon dioxide from the air into sugars that it can store or burn for growth.

It is worth noting that the rate of photosynthesis depends on light intensity, temperature and the amount of
carbon dioxide available. When any one of these is scarce, it becomes the limiting factor, and adding more of
the others does not speed the process up. I hope this helps! Let me know if you would like more detail.`;

export const MARKDOWN_ANSWER = `## Steps to reverse a linked list

1. **Keep three pointers**: \`prev\`, \`current\` and \`next\`.
2. **Walk the list**: at each node, remember \`next\`, point \`current.next\` back at \`prev\`, then move both
   pointers one step forward.
3. **Finish**: when \`current\` is null, \`prev\` is the new head.

\`\`\`python
def reverse(head):
    prev = None
    while head:
        head.next, prev, head = prev, head, head.next
    return prev
\`\`\`

### Complexity

- Time: O(n), since every node is visited once.
- Space: O(1), because the list is reversed in place.

This approach is the standard iterative solution and avoids the recursion depth limits of the recursive one.`;

export const DEBATE_ANSWER = `I understand the appeal of your argument, but I think it misses the central point. A four-day week is not
simply about fewer hours; it is about whether the work that matters gets done. The trials in Iceland and the
United Kingdom found that output held steady while burnout fell, and that is hard to dismiss as a fluke.
You raised the concern that small businesses cannot absorb the cost. That is fair, yet the same trials
included small firms, and many reported lower turnover, which is itself a large hidden cost. So the
question is not whether we can afford to try it, but whether we can afford to keep ignoring the evidence.`;
