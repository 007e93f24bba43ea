import { css } from 'lit';

/**
 * The colours of the capability map's levels, shared by the editor and the heatmap: a colour-blind-safe
 * diverging scale (ColorBrewer RdBu) from 0 saknas (red) to 3 stark (blue), always with the level's digit
 * in the cell, so that the map reads without colour and in black-and-white print.
 */
export const MAP_CELL_STYLES = css`
  .cell { display: flex; align-items: center; justify-content: center; gap: 0.15rem; box-sizing: border-box; font-variant-numeric: tabular-nums; }
  .cell .lv { font-weight: 700; font-size: 1.1rem; }
  .cell .by { font-size: 0.8rem; }
  .l0 { background: #d6604d; color: #000; }
  .l1 { background: #fddbc7; color: #000; }
  .l2 { background: #92c5de; color: #000; }
  .l3 { background: #2166ac; color: #fff; }
  .none { background: #f4f4f4; color: #555; }
  .legend { font-size: 0.9rem; color: #333; max-width: 80ch; }
  @media print {
    .cell { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
`;
