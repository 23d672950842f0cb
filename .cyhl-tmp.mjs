import cytoscape from 'cytoscape';
const els=[];for(let i=0;i<1000;i++)els.push({data:{id:'n'+i}});for(let i=0;i<2000;i++)els.push({data:{id:'e'+i,source:'n'+(i%1000),target:'n'+((i*7+3)%1000)}});
for (const styleEnabled of [false,true]) {
const cy=cytoscape({headless:true,styleEnabled,elements:els});
for (const name of ['grid','concentric','cose']) {
 const t=performance.now();
 cy.layout({name, animate:false, fit:false, boundingBox:{x1:0,y1:0,w:3000,h:3000}, ...(name==='cose'?{numIter:1000}:{})}).run();
 const p=cy.nodes()[5].position(); console.log(styleEnabled,name,(performance.now()-t).toFixed(0),p, cy.nodes()[5].width());
}}
